using Frontline.Silo.Import;

namespace Frontline.Silo;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["import", ..]) return await ImportCommand.RunAsync(args[1..]);
        return 0;
    }
}
