job "web" {
  name = "web-${null}"
}
