using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Households;
using CaseManager.Domain.People;
using CaseManager.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManager.TestSupport;

/// <summary>A Troubled Families household with a parent and a child and its family case, written straight to the database.</summary>
public sealed record ClaimFamily(HouseholdId HouseholdId, CaseId CaseId, PersonId Parent, PersonId Child);

public static class ClaimFamilies
{
    /// <summary>
    /// Records a household owned by <paramref name="owner"/>, a parent and a child who joined on the day of attachment,
    /// and an open Troubled Families case from <paramref name="attachedOn"/>. With <paramref name="formerMember"/>, an
    /// adult who left the household before the case opened and whose record another agency holds.
    /// </summary>
    public static async Task<ClaimFamily> AddAsync(this CaseManagerFactory factory, string owner, DateOnly attachedOn, string name = "Family", bool formerMember = false)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseDbContext>();
        var now = factory.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var agency = AgencyCode.Parse(owner);
        var creator = Guid.CreateVersion7();
        var parent = Person.Register(new PersonDetails("Parent", name, new DateOnly(1985, 3, 1), "Female", null, null), agency, creator, now);
        var child = Person.Register(new PersonDetails("Child", name, new DateOnly(2012, 6, 1), "Male", null, null), agency, creator, now);
        db.People.AddRange(parent, child);
        var household = Household.Record($"The {name} family", null, agency, creator, now);
        household.AddMember(parent.Id, parent.DateOfBirth, Relationship.ParentCarer, attachedOn, null);
        household.AddMember(child.Id, child.DateOfBirth, Relationship.Child, attachedOn, null);
        if (formerMember)
        {
            var other = Person.Register(new PersonDetails("Former", name, new DateOnly(1980, 1, 1), "Male", null, null), AgencyCode.Parse("PROBATION"), creator, now);
            db.People.Add(other);
            household.AddMember(other.Id, other.DateOfBirth, Relationship.Partner, attachedOn.AddYears(-2), attachedOn.AddMonths(-6));
        }

        db.Households.Add(household);
        var opened = Case.OpenForHousehold(household.Id, Scheme.TroubledFamilies, agency, attachedOn, null, null, now, today);
        db.Cases.Add(opened);
        await db.SaveChangesAsync();
        return new ClaimFamily(household.Id, opened.Id, parent.Id, child.Id);
    }
}
