// A profile without a time zone suggests this device's one; nothing is kept until the person saves.
const select = document.querySelector("select[data-device-time-zone]");
const deviceZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
if (select && select.value === "" && [...select.options].some(option => option.value === deviceZone)) {
    select.value = deviceZone;
}
