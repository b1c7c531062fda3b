job "web" {
  type = "batch"
}

job "worker" {
  type = "batch"
}
