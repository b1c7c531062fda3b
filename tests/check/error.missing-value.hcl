job "web" {
  priority =
}
