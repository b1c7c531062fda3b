job "web" {
  priority = 50.5
}
