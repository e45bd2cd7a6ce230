using CaseManager.Domain.Agencies;
using CaseManager.Domain.Common;
using CaseManager.Domain.Households;
using CaseManager.Domain.People;

namespace CaseManager.Domain.UnitTests;

/// <summary>Households and dated membership (DOMAIN.md FAM2).</summary>
public sealed class HouseholdTests
{
    private static readonly DateOnly Born = new(1990, 1, 1);

    private static DateOnly Day(string value) => DateOnly.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

    private static Household AHousehold() =>
        Household.Record("Marsh", "27 Cockerton Green", AgencyCode.Parse("FIT"), Guid.NewGuid(), DateTimeOffset.UnixEpoch);

    [Fact]
    public void Record_IsIdentityDataOfTheRecordingAgency()
    {
        var household = AHousehold();

        household.OwnerAgency.Should().Be(AgencyCode.Parse("FIT"));
        household.DataCategory.Should().Be(DataCategory.Identity);
        household.Members.Should().BeEmpty();
    }

    [Theory]
    [InlineData("2026-01-01", null, "2026-06-01", null)]
    [InlineData("2026-01-01", "2026-03-31", "2026-03-31", null)]
    [InlineData("2026-04-01", null, "2026-01-01", "2026-04-01")]
    [InlineData("2026-01-01", "2026-12-31", "2026-02-01", "2026-02-02")]
    public void AddMember_OverlappingTheSamePersonsMembership_IsRejected(string from, string? to, string otherFrom, string? otherTo)
    {
        var household = AHousehold();
        var person = PersonId.New();
        household.AddMember(person, Born, Relationship.ParentCarer, Day(from), to is null ? null : Day(to));

        var act = () => household.AddMember(person, Born, Relationship.ParentCarer, Day(otherFrom), otherTo is null ? null : Day(otherTo));

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be("household.already-member");
        household.Members.Should().HaveCount(1);
    }

    [Fact]
    public void AddMember_AgainAfterTheMembershipEnded_IsASecondMembership()
    {
        var household = AHousehold();
        var person = PersonId.New();
        var first = household.AddMember(person, new DateOnly(2010, 1, 1), Relationship.Child, new DateOnly(2020, 1, 1), null);
        household.EndMember(first.Id, new DateOnly(2022, 6, 30));

        household.AddMember(person, new DateOnly(2010, 1, 1), Relationship.OtherAdult, new DateOnly(2022, 7, 1), null);

        household.Members.Should().HaveCount(2);
        household.Members.Count(m => m.IsMemberOn(new DateOnly(2022, 6, 30))).Should().Be(1);
        household.Members.Count(m => m.IsMemberOn(new DateOnly(2022, 7, 1))).Should().Be(1);
    }

    [Fact]
    public void AddMember_OfOnePersonToTwoHouseholdsAtOnce_IsAllowed()
    {
        var person = PersonId.New();
        var mother = AHousehold();
        var father = AHousehold();

        mother.AddMember(person, new DateOnly(2015, 1, 1), Relationship.Child, new DateOnly(2026, 1, 1), null);
        father.AddMember(person, new DateOnly(2015, 1, 1), Relationship.Child, new DateOnly(2026, 1, 1), null);

        mother.Members.Should().ContainSingle();
        father.Members.Should().ContainSingle();
    }

    [Fact]
    public void AddMember_EndingBeforeItStarts_IsRejected()
    {
        var act = () => AHousehold().AddMember(PersonId.New(), Born, Relationship.Partner, new DateOnly(2026, 5, 1), new DateOnly(2026, 4, 30));

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be("household.membership-dates");
    }

    [Theory]
    [InlineData("2000-05-01", "2026-04-30", true)]
    [InlineData("2000-05-01", "2026-05-01", false)]
    public void AddMember_AsAChild_IsRefusedOnceThePersonIsOver25(string born, string from, bool allowed)
    {
        var act = () => AHousehold().AddMember(PersonId.New(), Day(born), Relationship.Child, Day(from), null);

        if (allowed)
        {
            act.Should().NotThrow();
        }
        else
        {
            act.Should().Throw<DomainRuleException>().Which.Code.Should().Be("household.child-age");
        }
    }

    [Fact]
    public void EndMember_Twice_IsRejected()
    {
        var household = AHousehold();
        var member = household.AddMember(PersonId.New(), Born, Relationship.Sibling, new DateOnly(2026, 1, 1), null);
        household.EndMember(member.Id, new DateOnly(2026, 2, 1));

        var act = () => household.EndMember(member.Id, new DateOnly(2026, 3, 1));

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be("household.membership-ended");
        member.To.Should().Be(new DateOnly(2026, 2, 1));
    }

    [Fact]
    public void EndMember_BeforeItStarted_IsRejected()
    {
        var household = AHousehold();
        var member = household.AddMember(PersonId.New(), Born, Relationship.Sibling, new DateOnly(2026, 1, 1), null);

        var act = () => household.EndMember(member.Id, new DateOnly(2025, 12, 31));

        act.Should().Throw<DomainRuleException>().Which.Code.Should().Be("household.membership-dates");
        member.To.Should().BeNull();
    }
}
