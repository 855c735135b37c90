using System.Text;
using Frontline.Silo.Ingestion;

namespace Frontline.Tests.Ingestion;

public sealed class NdjsonTouchReaderTests
{
    [Fact]
    public async Task ReadAsync_BodyStartingWithUtf16ByteOrderMark_RejectsOnlyThatLine()
    {
        // Found by the fuzz test: FF FE at the start made the reader decode the whole body as UTF-16.
        var touch = """{"eventId":"e1","customerId":"c1","action":"DemoDelivered","channel":"Web","occurredAt":"2026-12-01T10:00:00Z"}""";
        var body = new MemoryStream([0xFF, 0xFE, (byte)'{', (byte)'\n', .. Encoding.UTF8.GetBytes(touch), (byte)'\n']);

        var (touches, rejected) = await NdjsonTouchReader.ReadAsync(body, 10, CancellationToken.None);

        Assert.Equal([(2, "e1")], touches.Select(t => (t.Line, t.Touch.EventId)));
        Assert.Equal([(1, "line")], rejected.Select(r => (r.Line, r.Field)));
    }

    [Fact]
    public async Task ReadAsync_Utf8ByteOrderMark_IsSkipped()
    {
        var touch = """{"eventId":"e1","customerId":"c1","action":"DemoDelivered","channel":"Web","occurredAt":"2026-12-01T10:00:00Z"}""";
        var body = new MemoryStream([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(touch)]);

        var (touches, rejected) = await NdjsonTouchReader.ReadAsync(body, 10, CancellationToken.None);

        Assert.Equal("e1", Assert.Single(touches).Touch.EventId);
        Assert.Empty(rejected);
    }

    [Theory]
    [InlineData("01/02/2026")]
    [InlineData("Jan 5 2026")]
    [InlineData("Mon, 05 Jan 2026 10:00:00 GMT")]
    [InlineData("10:00")]
    [InlineData("2026-01-01T15:00:00")]
    [InlineData("2026-01-01")]
    public async Task ReadAsync_OccurredAtNotIsoWithOffset_RejectsTheLineNamingTheField(string occurredAt)
    {
        // A loose parse stored these: US day order, today's date, a missing offset read as UTC.
        var body = new MemoryStream(Encoding.UTF8.GetBytes($$"""{"eventId":"e1","customerId":"c1","action":"DemoDelivered","channel":"Web","occurredAt":"{{occurredAt}}"}"""));

        var (touches, rejected) = await NdjsonTouchReader.ReadAsync(body, 10, CancellationToken.None);

        Assert.Empty(touches);
        var rejection = Assert.Single(rejected);
        Assert.Equal((1, "occurredAt"), (rejection.Line, rejection.Field));
        Assert.Contains("with an offset", rejection.Reason);
    }

    [Theory]
    [InlineData("2026-12-01T10:00:00Z", "2026-12-01T10:00:00+00:00")]
    [InlineData("2026-12-01T12:00:00+02:00", "2026-12-01T10:00:00+00:00")]
    [InlineData("2026-12-01T10:00:00.1234567+00:00", "2026-12-01T10:00:00.1234567+00:00")]
    [InlineData("2026-12-01T10:00Z", "2026-12-01T10:00:00+00:00")]
    public async Task ReadAsync_OccurredAtIsoWithOffset_ReadAsThatInstant(string occurredAt, string expected)
    {
        var body = new MemoryStream(Encoding.UTF8.GetBytes($$"""{"eventId":"e1","customerId":"c1","action":"DemoDelivered","channel":"Web","occurredAt":"{{occurredAt}}"}"""));

        var (touches, rejected) = await NdjsonTouchReader.ReadAsync(body, 10, CancellationToken.None);

        Assert.Empty(rejected);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Assert.Single(touches).Touch.OccurredAt);
    }
}
