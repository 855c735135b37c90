using Frontline.Silo.Import;

namespace Frontline.Tests.Import;

public sealed class ImportOptionsTests
{
    [Fact]
    public void TryParse_AllOptions_ResolvesPathsAgainstTheBaseDirectory()
    {
        var ok = ImportOptions.TryParse(
            ["--crm", "../shared/crm", "--journeys", "j.csv", "--server", "http://host:9000", "--batch", "100"],
            "/work/repo", out var options, out var error);

        Assert.True(ok, error);
        Assert.Equal("/work/shared/crm", options.CrmDirectory);
        Assert.Equal("/work/repo/j.csv", options.JourneysFile);
        Assert.Equal(new Uri("http://host:9000"), options.Server);
        Assert.Equal(100, options.BatchSize);
    }

    [Fact]
    public void TryParse_JourneysOnly_UsesDefaults()
    {
        var ok = ImportOptions.TryParse(["--journeys", "/data/j.csv"], "/", out var options, out _);

        Assert.True(ok);
        Assert.Null(options.CrmDirectory);
        Assert.Equal(new Uri("http://localhost:5080"), options.Server);
        Assert.Equal(500, options.BatchSize);
    }

    [Fact]
    public void TryParse_PathsWithScopeAlone_ResolvesTheFileAndKeepsTheScope()
    {
        var ok = ImportOptions.TryParse(["--paths", "data/p.csv.gz", "--scope", "paths/campaign-2026"], "/work/repo", out var options, out var error);

        Assert.True(ok, error);
        Assert.Equal("/work/repo/data/p.csv.gz", options.PathsFile);
        Assert.Equal("paths/campaign-2026", options.Scope);
        Assert.Null(options.CrmDirectory);
        Assert.Null(options.JourneysFile);
    }

    [Fact]
    public void TryParse_PathsWithCrmAndJourneys_KeepsAllThree()
    {
        var ok = ImportOptions.TryParse(["--scope", "s", "--crm", "c", "--paths", "p.csv", "--journeys", "j.csv"], "/r", out var options, out var error);

        Assert.True(ok, error);
        Assert.Equal(("/r/c", "/r/j.csv", "/r/p.csv", "s"), (options.CrmDirectory, options.JourneysFile, options.PathsFile, options.Scope));
    }

    [Theory]
    [InlineData(new string[0], "give at least one of --crm <dir>, --journeys <csv>, --paths <file>")]
    [InlineData(new[] { "--paths", "p.csv.gz" }, "--paths needs --scope <name>")]
    [InlineData(new[] { "--crm", "d", "--paths", "p.csv.gz" }, "--paths needs --scope <name>")]
    [InlineData(new[] { "--scope", "paths/x" }, "--scope needs --paths <file>")]
    [InlineData(new[] { "--journeys", "j.csv", "--scope", "paths/x" }, "--scope needs --paths <file>")]
    [InlineData(new[] { "--paths", "p.csv", "--scope" }, "--scope needs a value")]
    [InlineData(new[] { "--crm" }, "--crm needs a value")]
    [InlineData(new[] { "--crm", "d", "--batch", "0" }, "--batch: '0' is not a positive whole number")]
    [InlineData(new[] { "--crm", "d", "--server", "localhost:5080" }, "--server: 'localhost:5080' is not an http(s) URL")]
    [InlineData(new[] { "--crm", "d", "--verbose" }, "unknown option '--verbose'")]
    public void TryParse_BadArguments_SaysWhatIsWrong(string[] args, string expected)
    {
        var ok = ImportOptions.TryParse(args, "/", out _, out var error);

        Assert.False(ok);
        Assert.Equal(expected, error);
    }
}
