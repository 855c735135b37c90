using Frontline.Silo.Hosting;
using Microsoft.AspNetCore.Hosting;

namespace Frontline.Silo;

/// <summary>Runs Frontline's embedded server: one silo with durable file storage, and its HTTP endpoints.</summary>
public static class Program
{
    private const string DefaultUrl = "http://localhost:5080";

    public static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.AddFrontlineSilo();
        builder.Services.AddHealthChecks();

        var app = builder.Build();
        app.MapHealthChecks("/health");
        await app.RunAsync();
    }
}
