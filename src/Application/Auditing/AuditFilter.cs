using CaseManager.Application.Common.Time;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Auditing;

namespace CaseManager.Application.Auditing;

/// <summary>
/// The audit trail's search filters, shared by the search (a page at a time) and the CSV download (all of it), so
/// the two always hold the same entries. Dates are days of the partnership's calendar.
/// </summary>
public static class AuditFilter
{
    private static readonly AccessRule[] SharedRules = [AccessRule.SharingAgreement, AccessRule.Consent, AccessRule.BreakGlass];

    public static IQueryable<AuditEntry> Apply(
        IQueryable<AuditEntry> entries, PartnershipClock clock, Guid? personId, Guid? userId, string? agencyCode, DateOnly? from, DateOnly? to, bool sharedOnly)
    {
        if (personId is { } person)
        {
            entries = entries.Where(e => e.SubjectPersonId == person);
        }

        if (userId is { } user)
        {
            entries = entries.Where(e => e.ActorUserId == user);
        }

        if (!string.IsNullOrEmpty(agencyCode))
        {
            AgencyCode? agency = AgencyCode.Parse(agencyCode);
            entries = entries.Where(e => e.ActorAgency == agency || e.OwnerAgency == agency);
        }

        if (from is { } day)
        {
            var start = StartOf(clock, day);
            entries = entries.Where(e => e.At >= start);
        }

        if (to is { } last)
        {
            var end = StartOf(clock, last.AddDays(1));
            entries = entries.Where(e => e.At < end);
        }

        if (sharedOnly)
        {
            entries = entries.Where(e => SharedRules.Contains(e.Rule));
        }

        return entries;
    }

    public static string Describe(Guid? personId, Guid? userId, string? agencyCode, DateOnly? from, DateOnly? to, bool sharedOnly) =>
        $"person {personId}, user {userId}, agency {agencyCode}, {from}–{to}, shared only {sharedOnly}";

    private static DateTimeOffset StartOf(PartnershipClock clock, DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, clock.Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
