// Small stroke icons for the transfer buttons (decorative: the buttons carry the text or an aria-label).

function Icon({ d, className = "size-4" }: { d: string; className?: string }) {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" className={`shrink-0 ${className}`}>
      <path d={d} />
    </svg>
  );
}

export const UploadIcon = () => <Icon d="M12 16V4m0 0-5 5m5-5 5 5M4 16v3a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-3" />;
export const FolderUploadIcon = () => <Icon d="M3 7a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2zm9 10v-6m0 0-3 3m3-3 3 3" />;
export const DownloadIcon = () => <Icon d="M12 4v12m0 0-5-5m5 5 5-5M4 16v3a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-3" />;
export const CloseIcon = () => <Icon d="M6 6l12 12M18 6 6 18" />;
export const RetryIcon = () => <Icon d="M4 12a8 8 0 0 1 14-5.3L20 9m0-5v5h-5M20 12a8 8 0 0 1-14 5.3L4 15m0 5v-5h5" />;
export const ChevronIcon = ({ up }: { up: boolean }) => <Icon d={up ? "m6 15 6-6 6 6" : "m6 9 6 6 6-6"} />;
