using CaseManager.Application.Common.Access;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.People;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Benchmarks;

/// <summary>
/// The two reads being measured, written once and run over either the readable cases or all cases, so that the
/// only difference between a benchmark and its floor is the access predicate.
/// </summary>
public static class Queries
{
    public const int PageSize = 50;

    /// <summary>
    /// <c>GET /api/v1/cases?scheme=…&amp;status=Active</c>, first page: the newest 50 active cases in the scheme and
    /// how many there are in all.
    /// </summary>
    public static async Task<CaseloadPage> CaseloadAsync(IQueryable<Case> cases, Scheme scheme, CancellationToken cancellationToken = default)
    {
        var total = await Active(cases, scheme).CountAsync(cancellationToken);
        var items = await FirstPageAsync(cases, scheme, cancellationToken);
        return new CaseloadPage(total, items);
    }

    /// <summary>
    /// The same caseload as the application reads it (<c>ListCasesHandler</c>): the total from
    /// <see cref="IRecordAccess.CountCaseloadAsync"/>, the page through <see cref="IRecordAccess.Readable{T}"/>.
    /// </summary>
    public static async Task<CaseloadPage> ReadableCaseloadAsync(IRecordAccess access, IQueryable<Case> cases, Scheme scheme, CancellationToken cancellationToken = default)
    {
        var total = await access.CountCaseloadAsync(scheme, [CaseStatus.Active], cancellationToken);
        var items = await FirstPageAsync(access.Readable(cases), scheme, cancellationToken);
        return new CaseloadPage(total, items);
    }

    /// <summary>The caseload's first page without its total, to show which of the two costs what.</summary>
    public static Task<List<CaseItem>> FirstPageAsync(IQueryable<Case> cases, Scheme scheme, CancellationToken cancellationToken = default) =>
        Active(cases, scheme)
            .OrderByDescending(c => c.StartDate).ThenBy(c => c.Id)
            .Take(PageSize)
            .Select(c => new CaseItem(c.Id, c.PersonId, c.Scheme, c.OwnerAgency, c.Status, c.StartDate))
            .ToListAsync(cancellationToken);

    private static IQueryable<Case> Active(IQueryable<Case> cases, Scheme scheme) =>
        cases.Where(c => c.Scheme == scheme && c.Status == CaseStatus.Active);

    /// <summary>Every case on one person, newest first: the case part of <c>GET /api/v1/people/{id}/timeline</c>.</summary>
    public static Task<List<CaseItem>> TimelineAsync(IQueryable<Case> cases, PersonId personId, CancellationToken cancellationToken = default) =>
        cases.Where(c => c.PersonId == personId)
            .OrderByDescending(c => c.StartDate).ThenBy(c => c.Id)
            .Select(c => new CaseItem(c.Id, c.PersonId, c.Scheme, c.OwnerAgency, c.Status, c.StartDate))
            .ToListAsync(cancellationToken);

    /// <summary>The unfiltered caseload as hand-written SQL on a plain connection: what EF itself costs.</summary>
    public static async Task<(int Total, int Items)> CaseloadByHandAsync(SqliteConnection connection, Scheme scheme, CancellationToken cancellationToken = default)
    {
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM \"Cases\" WHERE \"Scheme\" = $scheme AND \"Status\" = 'Active'";
        count.Parameters.AddWithValue("$scheme", scheme.ToString());
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);

        using var page = connection.CreateCommand();
        page.CommandText = """
            SELECT "Id", "PersonId", "Scheme", "OwnerAgency", "Status", "StartDate" FROM "Cases"
            WHERE "Scheme" = $scheme AND "Status" = 'Active'
            ORDER BY "StartDate" DESC, "Id" LIMIT $take
            """;
        page.Parameters.AddWithValue("$scheme", scheme.ToString());
        page.Parameters.AddWithValue("$take", PageSize);
        var items = 0;
        using var reader = await page.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            // Read every column, as EF's materialiser does.
            _ = (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5));
            items++;
        }

        return (total, items);
    }
}

public sealed record CaseItem(CaseId Id, PersonId? PersonId, Scheme Scheme, AgencyCode OwnerAgency, CaseStatus Status, DateOnly StartDate);

public sealed record CaseloadPage(int Total, IReadOnlyList<CaseItem> Items);
