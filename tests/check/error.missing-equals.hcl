job "web" {
  priority 50
}
