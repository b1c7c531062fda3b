variable "replicas" {
  type    = number
  default = "many"
}

job "web" {
  type = "batch"
}
