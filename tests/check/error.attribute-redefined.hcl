job "web" {
  priority = 50
  type     = "service"
  priority = 60
}
