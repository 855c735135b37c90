using Frontline.Silo.Hosting;
using Frontline.Silo.Import;
using Frontline.Silo.Security;
using Frontline.Silo.Storage.Postgres;

namespace Frontline.Silo;

/// <summary>Runs a Frontline silo or standalone gateway with GraphQL at /graphql (embedded or cluster profile), or the import, token or migrate command.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args) => args switch
    {
        ["import", ..] => await ImportCommand.RunAsync(args[1..]),
        ["token", ..] => TokenCommand.Run(args[1..]),
        ["migrate", ..] => await MigrateCommand.RunAsync(args[1..]),
        _ => await FrontlineServer.RunAsync(args),
    };
}
