using CaseManager.Domain.Agencies;
using CaseManager.Domain.Common;
using CaseManager.Domain.People;

namespace CaseManager.Domain.UnitTests;

public sealed class PersonTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly AgencyCode Police = AgencyCode.Parse("POLICE");

    [Fact]
    public void Register_WithDetails_IsOwnedByTheAgencyAsIdentityData()
    {
        var person = Person.Register(new PersonDetails("  Adam ", "Ashby", new DateOnly(1986, 3, 14)), Police, Guid.NewGuid(), Now);

        person.OwnerAgency.Should().Be(Police);
        person.DataCategory.Should().Be(DataCategory.Identity);
        person.GivenName.Should().Be("Adam");
        person.SearchName.Should().Be("ADAM ASHBY");
        person.Id.Value.Should().NotBeEmpty();
        person.Version.Should().Be(0);
    }

    [Fact]
    public void Register_WithDateOfBirthInFuture_IsRejected()
    {
        var act = () => Person.Register(new PersonDetails("A", "B", new DateOnly(2026, 11, 27)), Police, Guid.NewGuid(), Now);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be("person.date-of-birth-in-future");
    }

    [Fact]
    public void Register_WithBlankFamilyName_IsRejected()
    {
        var act = () => Person.Register(new PersonDetails("A", "  ", new DateOnly(1990, 1, 1)), Police, Guid.NewGuid(), Now);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be("person.family-name-required");
    }

    [Fact]
    public void Register_BornOnTheDay_IsAllowed()
    {
        var person = Person.Register(new PersonDetails("New", "Born", new DateOnly(2026, 11, 26)), Police, Guid.NewGuid(), Now);

        person.DateOfBirth.Should().Be(new DateOnly(2026, 11, 26));
    }

    [Fact]
    public void Correct_ChangesDetailsAndMovesVersionOn()
    {
        var person = Person.Register(new PersonDetails("Lee", "Smyth", new DateOnly(1990, 1, 1)), Police, Guid.NewGuid(), Now);

        person.Correct(new PersonDetails("Lee", "Smith", new DateOnly(1990, 1, 1)), Now);

        person.FamilyName.Should().Be("Smith");
        person.SearchName.Should().Be("LEE SMITH");
        person.Version.Should().Be(1);
        person.OwnerAgency.Should().Be(Police);
    }

    [Fact]
    public void Identifiers_AreNormalised()
    {
        var identifiers = PersonIdentifiers.Create(" 11/482913k ", "x123456", "943 476 5919", null);

        identifiers.Pnc.Should().Be("11/482913K");
        identifiers.Crn.Should().Be("X123456");
        identifiers.NhsNumber.Should().Be("9434765919");
        identifiers.Upn.Should().BeNull();
    }

    [Fact]
    public void Identifiers_WithBadNhsNumber_AreRejected()
    {
        var act = () => PersonIdentifiers.Create(null, null, "9434765918", null);

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be("person.invalid-nhs-number");
    }
}
