using System.Security.Claims;
using Frontline.GraphQL.Transport;

namespace Frontline.Tests.Transport;

public sealed class CredentialExpiryTests
{
    [Fact]
    public void Of_ExpClaim_UnixSeconds() =>
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 3, 0, 0, TimeSpan.Zero), CredentialExpiry.Of(User(("exp", "1796353200"))));

    [Theory]
    [InlineData(null)]
    [InlineData("soon")]
    [InlineData("")]
    public void Of_NoOrUnreadableExp_Null(string? exp) =>
        Assert.Null(CredentialExpiry.Of(exp is null ? User(("sub", "api-key-holder")) : User(("exp", exp))));

    [Fact]
    public void Of_NoUser_Null() => Assert.Null(CredentialExpiry.Of(null));

    [Theory]
    [InlineData("253402300800")]
    [InlineData("10000000000000")]
    [InlineData("9223372036854775807")]
    public void Of_BeyondTheCalendar_HeldAtItsEnd(string exp) =>
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.MaxValue.ToUnixTimeSeconds()), CredentialExpiry.Of(User(("exp", exp))));

    private static ClaimsPrincipal User(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "test"));
}
