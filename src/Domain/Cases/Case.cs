using CaseManager.Domain.Agencies;
using CaseManager.Domain.Common;
using CaseManager.Domain.People;

namespace CaseManager.Domain.Cases;

/// <summary>
/// A person's enrolment in one scheme, worked by one agency. While it is not exited, the person counts as enrolled
/// in the scheme for the sharing rule (DOMAIN.md IS7): partner agencies in that scheme may then see what the
/// partnership's agreements allow.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716", Justification = "Case is the word caseworkers use; C# code names locals by role instead (STYLE.md section 3).")]
public sealed class Case : AggregateRoot, IPersonRecord
{
    private Case()
    {
    }

    public CaseId Id { get; private set; }

    public PersonId PersonId { get; private set; }

    public Scheme Scheme { get; private set; }

    public AgencyCode OwnerAgency { get; private set; }

    public DataCategory DataCategory { get; private set; }

    public CaseStatus Status { get; private set; }

    public DateOnly StartDate { get; private set; }

    public DateOnly? ExitedOn { get; private set; }

    public Guid? AllocatedTo { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public bool IsOpen => Status != CaseStatus.Exited;

    /// <summary>"Today" is the partnership's calendar day, which decides what "in the future" means.</summary>
    public static Case Open(PersonId personId, Scheme scheme, AgencyCode owner, DateOnly startDate, Guid? allocatedTo, DateTimeOffset at, DateOnly today)
    {
        if (startDate > today)
        {
            throw new DomainRuleException("case.start-in-future", "The start date cannot be in the future");
        }

        return new Case
        {
            Id = CaseId.New(),
            PersonId = personId,
            Scheme = scheme,
            OwnerAgency = owner,
            DataCategory = CategoryOf(scheme),
            Status = CaseStatus.Active,
            StartDate = startDate,
            AllocatedTo = allocatedTo,
            CreatedAt = at,
        };
    }

    /// <summary>The data category of the case record itself, from its scheme.</summary>
    public static DataCategory CategoryOf(Scheme scheme) => scheme switch
    {
        Scheme.Iom => DataCategory.Offending,
        Scheme.AdultTreatment or Scheme.YoungPeopleTreatment => DataCategory.HealthSubstanceMisuse,
        _ => DataCategory.ChildrenSafeguarding,
    };

    /// <summary>Closes the case for good (the exit workflow decides when).</summary>
    public void Exit(DateOnly on)
    {
        if (Status == CaseStatus.Exited)
        {
            throw new DomainRuleException("case.already-exited", "This case has already been exited");
        }

        Status = CaseStatus.Exited;
        ExitedOn = on;
        IncrementVersion();
    }
}
