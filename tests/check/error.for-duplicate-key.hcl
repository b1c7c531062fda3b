job "web" {
  meta = { for k in ["a", "a"] : k => "v" }
}
