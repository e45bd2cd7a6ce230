using CaseManager.Application.Common.Persistence;
using CaseManager.Domain.Agencies;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Application.Agencies;

public static class AgencySchemes
{
    /// <summary>Whether the agency takes part in the scheme (administrators set an agency's schemes).</summary>
    public static Task<bool> TakesPartAsync(this IAppDbContext db, AgencyCode agency, Scheme scheme, CancellationToken cancellationToken) =>
        db.Agencies.AnyAsync(a => a.Code == agency && a.Schemes.Any(s => s.Scheme == scheme), cancellationToken);
}
