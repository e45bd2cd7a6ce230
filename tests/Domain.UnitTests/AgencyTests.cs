using CaseManager.Domain.Agencies;
using CaseManager.Domain.Common;

namespace CaseManager.Domain.UnitTests;

public sealed class AgencyTests
{
    [Theory]
    [InlineData("police", "POLICE")]
    [InlineData(" Womens-Aid ", "WOMENS-AID")]
    [InlineData("yos2", "YOS2")]
    public void Code_Parse_NormalisesToCapitals(string input, string expected) => AgencyCode.Parse(input).Value.Should().Be(expected);

    [Theory]
    [InlineData("")]
    [InlineData("P")]
    [InlineData("1POLICE")]
    [InlineData("HAS SPACE")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTU")]
    public void Code_Parse_RejectsBadCodes(string input)
    {
        var act = () => AgencyCode.Parse(input);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be("agency.invalid-code");
        AgencyCode.TryParse(input, out _).Should().BeFalse();
    }

    [Fact]
    public void Register_KeepsEachSchemeOnce()
    {
        var agency = Agency.Register(AgencyCode.Parse("FIT"), "Family Intervention Team", [Scheme.Fit, Scheme.TroubledFamilies, Scheme.Fit], DateTimeOffset.UnixEpoch);

        agency.Schemes.Select(s => s.Scheme).Should().Equal(Scheme.Fit, Scheme.TroubledFamilies);
        agency.TakesPartIn(Scheme.Fit).Should().BeTrue();
        agency.TakesPartIn(Scheme.Iom).Should().BeFalse();
    }

    [Fact]
    public void Register_WithUnknownScheme_IsRejected()
    {
        var act = () => Agency.Register(AgencyCode.Parse("FIT"), "FIT", [(Scheme)99], DateTimeOffset.UnixEpoch);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be("agency.unknown-scheme");
    }
}

public sealed class SchemeNamingTests
{
    [Fact]
    public void FullName_OfEveryScheme_IsWordsNotItsCode()
    {
        var names = Enum.GetValues<Scheme>().Select(s => (Scheme: s, Name: s.FullName())).ToList();

        names.Should().OnlyContain(n => n.Name != n.Scheme.ToString() && n.Name.Contains(' '), "schemes are named in full, never by their code");
        names.Select(n => n.Name).Should().OnlyHaveUniqueItems();
        Scheme.Iom.FullName().Should().Be("Integrated Offender Management");
        Scheme.TroubledFamilies.FullName().Should().Be("Troubled Families");
    }
}
