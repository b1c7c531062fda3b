job "web" {
  "type" = "batch"
}
