variable "image" {
  default = "a"
}

variable "image" {
  default = "b"
}

job "web" {
  type = "batch"
}
