/* The calls GraphvizContext makes, in plain C, for comparing valgrind reports:
 *   gcc scripts/render-probe/baseline.c $(pkg-config --cflags --libs libgvc) -o .build/gv-baseline
 *   valgrind --leak-check=full .build/gv-baseline Tests/RenderTests/Expected/all.dot
 * Whatever this loses is lost inside Graphviz, not by the Swift wrapper. */
#include <graphviz/gvc.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    if (argc < 2) return 2;
    FILE *file = fopen(argv[1], "r");
    if (!file) return 2;
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    rewind(file);
    char *text = malloc(size + 1);
    size_t read = fread(text, 1, size, file);
    text[read] = '\0';
    fclose(file);

    GVC_t *gvc = gvContext();
    Agraph_t *graph = agmemread(text);
    free(text);
    if (!graph) return 1;
    gvLayout(gvc, graph, "dot");
    char *data = NULL;
    unsigned int length = 0;
    gvRenderData(gvc, graph, "svg", &data, &length);
    gvFreeRenderData(data);
    gvFreeLayout(gvc, graph);
    agclose(graph);
    return gvFreeContext(gvc);
}
