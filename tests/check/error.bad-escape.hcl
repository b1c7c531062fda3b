job "web" {
  name = "web\q"
}
