job "web" {
  priority = 1e
}
