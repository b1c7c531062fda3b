// Boost.Process v2 (1.81) as hjob includes it: with std::filesystem instead of
// Boost.Filesystem, plus the Boost headers that 1.81's v2 headers use without including them
// (boost::optional in detail/config.hpp, unqualified is_convertible and decay in process.hpp
// and posix/default_launcher.hpp; with Boost.Filesystem they arrive through its headers).
#pragma once

#define BOOST_PROCESS_USE_STD_FS 1
#include <boost/optional.hpp>
#include <boost/type_traits/decay.hpp>
#include <boost/type_traits/is_convertible.hpp>

#include <boost/process/v2/posix/default_launcher.hpp>
#include <boost/process/v2/process.hpp>
