/* Test harness only, never shipped: Rust's standard library takes its random numbers from
 * ProcessPrng in bcryptprimitives.dll (Windows 10 and later), which Debian's wine 8 lacks, so
 * without this stand-in the .exe cannot start under wine at all. It fills the buffer from
 * RtlGenRandom, which wine has. Built with mingw next to a copy of the .exe by .ci/windows-exe. */
#include <windows.h>
#include <ntsecapi.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    while (len > 0) {
        ULONG chunk = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        if (!RtlGenRandom(data, chunk)) return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
