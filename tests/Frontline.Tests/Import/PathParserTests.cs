using System.IO.Compression;
using Frontline.Silo.Import;
using Frontline.Tests.Reference;

namespace Frontline.Tests.Import;

public sealed class PathParserTests
{
    private static readonly Lazy<PathImport> Shared = new(() => PathParser.Parse(SharedData.PathDataFile));

    [Fact]
    public void Parse_SharedGzipFile_Gives10000RowsOf5408DistinctPathsWithTheSourceTotals()
    {
        var paths = Shared.Value;

        // The source repeats paths (eta alone is on 637 rows); summing them must keep every journey.
        Assert.Empty(paths.BadRows);
        Assert.Equal(10_000, paths.Rows);
        Assert.Equal(5_408, paths.Paths.Length);
        Assert.Equal(19_785d, paths.Paths.Sum(p => p.Item.Conversions));
        // SOURCE.md's 74,802.972 is rounded to three places; the exact decimal sum of the column is 74,802.9715872108348.
        Assert.Equal(74_802.972, Math.Round(paths.Paths.Sum(p => p.Item.Value), 3));
        Assert.Equal(74_802.9715872108348, paths.Paths.Sum(p => p.Item.Value), 1e-6);
        Assert.Equal(68_602d, paths.Paths.Sum(p => p.Item.Nulls));
    }

    [Fact]
    public void Parse_SharedGzipFile_Names12Channels()
    {
        var channels = Shared.Value.Paths.SelectMany(p => p.Item.Channels).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(["alpha", "beta", "delta", "epsilon", "eta", "gamma", "iota", "kappa", "lambda", "mi", "theta", "zeta"], channels);
    }

    [Fact]
    public void Parse_SharedGzipFile_FirstRowMapsEveryField()
    {
        var first = Shared.Value.Paths[0];

        Assert.Equal(("data.csv.gz", 2), (first.File, first.Line));
        Assert.Equal(new ImportedPath("eta > iota > alpha > eta", 1, 0.244, 3), first.Item);
        Assert.Equal(new ImportedPath("beta > eta", 414, 1_905.3720612637353, 1_406), Shared.Value.Paths[3].Item);
        Assert.Equal(["eta", "iota", "alpha", "eta"], first.Item.Channels);
    }

    [Fact]
    public void Parse_DecompressedCopyUnderAGzipName_ParsesIdentically()
    {
        using var files = new TempFiles();

        // Same name as the original, so a plain file that claims to be gzip proves detection goes by content.
        var plain = Path.Combine(files.Directory, "data.csv.gz");
        using (var gzip = new GZipStream(File.OpenRead(SharedData.PathDataFile), CompressionMode.Decompress))
        using (var copy = File.Create(plain))
        {
            gzip.CopyTo(copy);
        }

        var parsed = PathParser.Parse(plain);

        Assert.Equal(Shared.Value.Rows, parsed.Rows);
        Assert.Empty(parsed.BadRows);
        // As sequences: ImmutableArray's own Equals compares array references.
        Assert.Equal(Shared.Value.Paths.AsEnumerable(), parsed.Paths.AsEnumerable());
    }

    [Fact]
    public void Parse_GzipUnderAPlainName_IsDecompressed()
    {
        using var files = new TempFiles();
        var renamed = Path.Combine(files.Directory, "paths.csv");
        File.Copy(SharedData.PathDataFile, renamed);

        var parsed = PathParser.Parse(renamed);

        Assert.Equal(5_408, parsed.Paths.Length);
        Assert.Equal(("paths.csv", 2), (parsed.Paths[0].File, parsed.Paths[0].Line));
    }

    [Fact]
    public void Parse_BadRows_ReportsLineAndColumnAndKeepsTheRest()
    {
        using var files = new TempFiles();
        var file = files.Write("paths.csv",
            "path,total_conversions,total_conversion_value,total_null",
            "a > b,1,2.5,3",
            "a > b > c,-1,2,3",
            "a,1,abc,3",
            ",1,2,3",
            "a >  > b,1,2,3",
            "b,1,2,NaN",
            "c > a,1,2",
            "> a,0,0,1",
            " c > b ,0,1e-3,4");

        var parsed = PathParser.Parse(file);

        Assert.Equal(
            [
                "paths.csv:3: total_conversions: '-1' is negative",
                "paths.csv:4: total_conversion_value: 'abc' is not a number",
                "paths.csv:5: path: empty",
                "paths.csv:6: path: channel 2 of 'a >  > b' is empty",
                "paths.csv:7: total_null: 'NaN' is not a finite number",
                "paths.csv:8: total_null: missing",
                "paths.csv:9: path: channel 1 of '> a' is empty",
                "paths.csv:10: total_conversion_value: is not 0 but no journey on path 'c > b' converted",
            ],
            parsed.BadRows.Select(b => b.ToString()));
        Assert.All(parsed.BadRows, b => Assert.Equal(ImportKind.Paths, b.Kind));
        Assert.Equal(1, parsed.Rows);
        Assert.Equal([new ImportedPath("a > b", 1, 2.5, 3)], parsed.Paths.Select(p => p.Item));
        Assert.Equal([2], parsed.Paths.Select(p => p.Line));
    }

    [Fact]
    public void Parse_RowsTheServerWouldRefuse_ReportedAloneSoTheRestStillLands()
    {
        // Each of these used to pass here and then make the server refuse the whole importPaths mutation.
        using var files = new TempFiles();
        var file = files.Write("paths.csv",
            "path,total_conversions,total_conversion_value,total_null",
            "a > b,1,2.5,3",
            "c,1.5,1,1",
            "d,1,1,2.5",
            "e,1e12,1,1",
            "f,0,5,0",
            "g,1,1e16,0",
            $"{new string('x', 201)} > a,1,1,1",
            "h,0,0,7");

        var parsed = PathParser.Parse(file);

        Assert.Equal(
            [
                "paths.csv:3: total_conversions: '1.5' is not a whole number of journeys up to 1000000000",
                "paths.csv:4: total_null: '2.5' is not a whole number of journeys up to 1000000000",
                "paths.csv:5: total_conversions: '1e12' is not a whole number of journeys up to 1000000000",
                "paths.csv:6: total_conversion_value: is not 0 but no journey on path 'f' converted",
                "paths.csv:7: total_conversion_value: '1e16' is larger than 1000000000000000",
                "paths.csv:8: path: channel 1 is longer than 200 characters",
            ],
            parsed.BadRows.Select(b => b.ToString()));
        Assert.Equal([new ImportedPath("a > b", 1, 2.5, 3), new ImportedPath("h", 0, 0, 7)], parsed.Paths.Select(p => p.Item));
        Assert.Equal(2, parsed.Rows);
    }

    [Fact]
    public void Parse_SamePathOnSeveralRows_SumsThemIntoTheFirst()
    {
        using var files = new TempFiles();
        var file = files.Write("paths.csv",
            "path,total_conversions,total_conversion_value,total_null",
            "a > b,1,2.5,3",
            "b,0,0,1",
            "a>b,2,0.5,0",
            "  a >   b  ,0,1,1");

        var parsed = PathParser.Parse(file);

        Assert.Equal(4, parsed.Rows);
        Assert.Equal([new ImportedPath("a > b", 3, 4, 4), new ImportedPath("b", 0, 0, 1)], parsed.Paths.Select(p => p.Item));
        Assert.Equal([2, 3], parsed.Paths.Select(p => p.Line));
    }

    [Theory]
    [InlineData(2_000)]
    [InlineData(50_000)]
    public void Parse_TruncatedGzip_ThrowsInputErrorInsteadOfImportingPart(int keep)
    {
        using var files = new TempFiles();
        var truncated = Path.Combine(files.Directory, "cut.csv.gz");
        File.WriteAllBytes(truncated, [.. File.ReadAllBytes(SharedData.PathDataFile).Take(keep)]);

        var error = Assert.Throws<ImportInputException>(() => PathParser.Parse(truncated));

        Assert.StartsWith("cut.csv.gz: not a readable gzip file (decompressed ", error.Message);
        Assert.EndsWith(" the file is truncated, corrupt or several gzip files joined)", error.Message);
    }

    [Fact]
    public void Parse_MissingColumn_ThrowsInputError()
    {
        using var files = new TempFiles();
        var file = files.Write("paths.csv", "path,total_conversions,total_null", "a,1,2");

        var error = Assert.Throws<ImportInputException>(() => PathParser.Parse(file));

        Assert.Equal("paths.csv:1: column 'total_conversion_value' not found in the header", error.Message);
    }
}
