// Suggests this device's time zone where none is known yet (an empty choice, or one marked
// data-device-time-zone="suggest"); nothing is kept until the person saves the form.
const deviceZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
for (const select of document.querySelectorAll("select[data-device-time-zone]")) {
    const wanted = select.value === "" || select.dataset.deviceTimeZone === "suggest";
    if (wanted && [...select.options].some(option => option.value === deviceZone)) {
        select.value = deviceZone;
    }
}
