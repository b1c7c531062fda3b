job "web" {
  type = "batch"
}
}
