variable "image" {
  default = "x"
}
