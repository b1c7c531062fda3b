job "web" {
  name = uppr("web")
}
