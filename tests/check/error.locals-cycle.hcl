locals {
  a = local.b
  b = local.a
}

job "web" {
  name = local.a
}
