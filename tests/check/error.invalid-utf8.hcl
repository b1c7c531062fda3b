job "web" {
  name = "bad ÿ byte"
}
