job "web" {
  priority = parseint("fifty", 10)
}
