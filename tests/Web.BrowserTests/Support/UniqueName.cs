namespace CaseManager.Web.BrowserTests.Support;

/// <summary>Names no seeded record has, so a search finds only what the test itself created.</summary>
public static class UniqueName
{
    public static string Of(string prefix)
    {
        const string Letters = "abcdefghijklmnopqrstuvwxyz";
        var suffix = string.Concat(Enumerable.Range(0, 8).Select(_ => Letters[Random.Shared.Next(Letters.Length)]));
        return prefix + suffix;
    }
}
