job "web" {
  priority = "fifty" + 1
}
