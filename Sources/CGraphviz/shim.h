#ifndef ACCESSGRAPH_CGRAPHVIZ_SHIM_H
#define ACCESSGRAPH_CGRAPHVIZ_SHIM_H

/* Graphviz's context (libgvc) and graph (libcgraph) APIs, as installed by
   Debian's libgraphviz-dev; pkg-config libgvc adds -I/usr/include/graphviz. */
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

#endif
