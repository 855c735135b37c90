using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace Frontline.Silo.Hosting;

/// <summary>Operator diagnostics endpoints, mapped only when <see cref="DiagnosticsOptions"/> turns them on.</summary>
public static class DiagnosticsEndpoints
{
    /// <summary>Binds <c>Frontline:Diagnostics</c>.</summary>
    public static WebApplicationBuilder AddFrontlineDiagnostics(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DiagnosticsOptions>().Bind(builder.Configuration.GetSection(DiagnosticsOptions.SectionName));
        return builder;
    }

    /// <summary>Maps <c>GET /diagnostics/memory</c> when <see cref="DiagnosticsOptions.MemoryEndpoint"/> is on.</summary>
    public static WebApplication MapFrontlineDiagnostics(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<DiagnosticsOptions>>().Value.MemoryEndpoint)
        {
            app.MapGet("/diagnostics/memory", ReadMemory);
        }

        return app;
    }

    private static IResult ReadMemory()
    {
        // Two collections with finalizers in between, so objects freed by finalizers are gone too: what remains
        // is the live heap, comparable from one call to the next.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        return Results.Json(new { heapBytes = GC.GetTotalMemory(forceFullCollection: false), workingSetBytes = process.WorkingSet64 });
    }
}
