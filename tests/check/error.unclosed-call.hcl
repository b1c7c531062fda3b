job "web" {
  priority = max(50, 60
}
