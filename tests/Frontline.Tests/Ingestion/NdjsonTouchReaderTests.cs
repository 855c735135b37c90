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
}
