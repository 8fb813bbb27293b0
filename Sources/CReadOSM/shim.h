#include <readosm.h>
#include <zlib.h>
#include <bzlib.h>
