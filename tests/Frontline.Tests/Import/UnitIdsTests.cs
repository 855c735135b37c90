using Frontline.Silo.Import;

namespace Frontline.Tests.Import;

public sealed class UnitIdsTests
{
    [Theory]
    [InlineData("Dustin Brinkmann", "dustin-brinkmann")]
    [InlineData("  Mary-Jo  O'Neil  ", "mary-jo-o-neil")]
    [InlineData("Team 7 (East)", "team-7-east")]
    [InlineData("Jürgen Groß", "j-rgen-gro")]
    [InlineData("---", "")]
    public void FromManager_Name_GivesSlug(string manager, string expected)
    {
        Assert.Equal(expected, UnitIds.FromManager(manager));
    }
}
