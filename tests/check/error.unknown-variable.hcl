variable "region" {
  default = "eu"
}

job "web" {
  region = var.regoin
}
