job "web" {
  type = "batch"
  count = @
}
