job "web" {
  meta {
    owner = "café 👍🏽" + 1
  }
}
