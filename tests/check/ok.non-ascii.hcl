job "web" {
  meta {
    owner = "équipe 日本"
  }
}
