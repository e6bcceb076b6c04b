#define BOOST_TEST_MODULE sijill
#include <boost/test/unit_test.hpp>
