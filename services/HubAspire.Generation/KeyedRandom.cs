using System.Runtime.CompilerServices;
using HubAspire.Core.Schema;

namespace HubAspire.Generation;

/// <summary>
/// Random attributes that other entities need to look up by id — a company's region and
/// industry, a contact's company and first touch — computed from (seed, attribute, id) by a
/// hash instead of stored. Any row group of any entity can recompute them, so the generator
/// keeps no lookup tables and its memory does not grow with scale.
/// </summary>
public readonly struct KeyedRandom(long seed, EntityCounts counts)
{
    private enum Attribute : ulong
    {
        CompanyIndustry = 101,
        CompanyRegion = 102,
        ContactCompany = 201,
        ContactFirstTouch = 202,
    }

    public EntityCounts Counts => counts;

    public string CompanyIndustry(long companyId) =>
        CrmValues.Industries[Below(Hash(Attribute.CompanyIndustry, companyId), (ulong)CrmValues.Industries.Length)];

    public string CompanyRegion(long companyId) =>
        CrmValues.Regions[Below(Hash(Attribute.CompanyRegion, companyId), (ulong)CrmValues.Regions.Length)];

    public long ContactCompany(long contactId) =>
        1 + (long)Below(Hash(Attribute.ContactCompany, contactId), (ulong)counts.Companies);

    public long ContactFirstTouchSecond(long contactId) =>
        (long)Below(Hash(Attribute.ContactFirstTouch, contactId), (ulong)DataRange.Seconds);

    private ulong Hash(Attribute attribute, long id) => Mix((ulong)seed, (ulong)attribute, (ulong)id);

    /// <summary>A well-mixed 64-bit value from three inputs (SplitMix64's finaliser, chained).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Mix(ulong a, ulong b, ulong c) =>
        Finalize(Finalize(Finalize(a + 0x9E3779B97F4A7C15UL) ^ b) + 0x9E3779B97F4A7C15UL ^ c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Finalize(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Maps 64 random bits to [0, n) by multiply-shift (Lemire), without a division.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Below(ulong random, ulong n) => (ulong)(((UInt128)random * n) >> 64);
}
